// Placeholder until this page is built: see the admin issue.
export default function RoomsPage() {
  return <p>En construction.</p>;
}
