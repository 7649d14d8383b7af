// Placeholder until this page is built: see the admin issue.
export default function ProgrammePage() {
  return <p>En construction.</p>;
}
