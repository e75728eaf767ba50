import { createBrowserRouter, Navigate } from 'react-router';
import { AppShell } from './app-shell';
import { NotFoundRoute } from '../routes/not-found.route';
import { ProgramRulesRoute } from '../routes/program-rules.route';

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/program-rules" replace /> },
      { path: 'program-rules', element: <ProgramRulesRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
