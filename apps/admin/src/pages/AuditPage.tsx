// Placeholder until this page is built: see the admin issue.
export default function AuditPage() {
  return <p>En construction.</p>;
}
