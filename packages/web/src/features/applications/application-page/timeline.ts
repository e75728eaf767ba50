/** "Due in 3 business days", "Due today", "Overdue by 2 business days". */
export function describeDue(due: { businessDaysLeft: number; overdue: boolean; dueToday: boolean }): string {
  if (due.dueToday) return 'due today';
  const days = Math.abs(due.businessDaysLeft);
  const span = `${days} business ${days === 1 ? 'day' : 'days'}`;
  return due.overdue ? `overdue by ${span}` : `due in ${span}`;
}
