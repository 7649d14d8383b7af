// Placeholder until this page is built: see the admin issue.
export default function PartnersPage() {
  return <p>En construction.</p>;
}
