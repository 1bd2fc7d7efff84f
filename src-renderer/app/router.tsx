import { createHashRouter, Navigate } from 'react-router';
import { Layout } from './Layout';

/**
 * Routes of the officer's app. Each page is its own chunk, loaded when first visited. A hash
 * router works both from file:// in Electron and from the loopback harness.
 */
export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/appeals" replace /> },
      { path: 'appeals', lazy: () => import('../features/appeals/AppealListPage').then(page) },
      { path: 'appeals/new', lazy: () => import('../features/appeals/AppealFormPage').then(page) },
      { path: 'appeals/:id', lazy: () => import('../features/appeals/AppealViewPage').then(page) },
      {
        path: 'appeals/:id/edit',
        lazy: () => import('../features/appeals/AppealFormPage').then(page),
      },
      { path: 'drafts', lazy: () => import('../features/drafts/DraftsPage').then(page) },
      { path: 'surveys', lazy: () => import('../features/surveys/SurveysPage').then(page) },
      { path: 'deadlines', lazy: () => import('../features/deadlines/DeadlinesPage').then(page) },
      { path: 'reports', lazy: () => import('../features/reports/ReportsPage').then(page) },
      { path: 'sync', lazy: () => import('../features/sync/SyncPage').then(page) },
      { path: 'settings', lazy: () => import('../features/settings/SettingsPage').then(page) },
      {
        path: 'surveys/paper',
        lazy: () => import('../features/surveys/paper/PaperEntryPage').then(page),
      },
    ],
  },
  // Print previews stand outside the app's frame: the screen shows exactly the sheet.
  {
    path: '/print/survey/:id',
    lazy: () => import('../features/surveys/print/PrintFormPage').then(page),
  },
]);

function page(module: { default: React.ComponentType }) {
  return { Component: module.default };
}
