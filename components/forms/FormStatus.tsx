/** The form-level outcome: an error (role=alert) or a short notice (role=status). */
export function FormStatus({ error, notice }: { error?: string; notice?: string }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
        {error}
      </p>
    );
  }
  return (
    <p role="status" className="font-medium text-green-800">
      {notice ?? ""}
    </p>
  );
}
