export function Alert({ kind, children }: { kind: "error" | "success" | "info"; children: React.ReactNode }) {
  const styles = {
    error: "border-error",
    success: "border-success",
    info: "border-brand",
  }[kind];
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`mb-6 border-s-8 ${styles} bg-white p-4`}>
      {children}
    </div>
  );
}
