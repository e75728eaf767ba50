import { ProgramRules } from '../features/program-rules/program-rules';

export function ProgramRulesRoute() {
  return <ProgramRules />;
}
