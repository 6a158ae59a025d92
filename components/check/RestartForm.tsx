/** A one-button form that sends the flow back to the first step. */
export function RestartForm({ action, label }: { action: (form: FormData) => void; label: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="intent" value="restart" />
      <button type="submit" className="text-blue-800 underline underline-offset-2">
        {label}
      </button>
    </form>
  );
}
