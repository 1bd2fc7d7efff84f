import { createBrowserRouter, Navigate } from 'react-router';
import { ConsoleLayout } from './ConsoleLayout';

/**
 * The console's pages under /console/ (the central serves its page for every address there).
 * Figures of the shared report views link to /appeals?…, which here is the console's own list.
 */
export const consoleRouter = createBrowserRouter(
  [
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <Navigate to="/reports" replace /> },
        {
          path: 'reports',
          lazy: () => import('./ReportsPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'appeals',
          lazy: () => import('./CardsPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'offices',
          lazy: () => import('./OfficesPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'releases',
          lazy: () => import('./ReleasesPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'online',
          lazy: () => import('./OnlineSurveysPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'packages',
          lazy: () => import('./PackagesPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'reference',
          lazy: () => import('./ReferencePage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'publication',
          lazy: () => import('./PublicationPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'accounts',
          lazy: () => import('./AccountsPage').then((m) => ({ Component: m.default })),
        },
        {
          path: 'audit',
          lazy: () => import('./AuditPage').then((m) => ({ Component: m.default })),
        },
        { path: '*', element: <Navigate to="/reports" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);
