// Placeholder until this page is built: see the admin issue.
export default function PublicProgrammePage() {
  return <p>En construction.</p>;
}
