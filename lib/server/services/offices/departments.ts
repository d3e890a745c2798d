/**
 * Offices grouped by their department (e.g. "Ordnungsamt"), as the city's site organises them: departments in
 * alphabetical order, each office in the order given, and the offices without a department in one group at the end
 * (department null).
 */
export function groupByDepartment<O extends { department: string | null }>(offices: readonly O[]) {
  const groups = new Map<string | null, O[]>();
  for (const office of offices) {
    const key = office.department?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), office]);
  }
  return [...groups]
    .map(([department, list]) => ({ department, offices: list }))
    .sort((a, b) =>
      a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department, "de"),
    );
}
