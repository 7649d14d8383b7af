// Placeholder until this page is built: see the admin issue.
export default function SpeakersPage() {
  return <p>En construction.</p>;
}
