import { createHashRouter, Navigate } from 'react-router';
import type { Capability } from '../../src-shared/auth/roles';
import { RequireCapability } from '../features/auth/RequireCapability';
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
      {
        path: 'appeals',
        lazy: guarded('cards.read', () => import('../features/appeals/AppealListPage')),
      },
      {
        path: 'appeals/new',
        lazy: guarded('cards.write', () => import('../features/appeals/AppealFormPage')),
      },
      {
        path: 'appeals/:id',
        lazy: guarded('cards.read', () => import('../features/appeals/AppealViewPage')),
      },
      {
        path: 'appeals/:id/edit',
        lazy: guarded('cards.write', () => import('../features/appeals/AppealFormPage')),
      },
      {
        path: 'drafts',
        lazy: guarded('cards.write', () => import('../features/drafts/DraftsPage')),
      },
      {
        path: 'surveys',
        lazy: guarded('surveys.manage', () => import('../features/surveys/SurveysPage')),
      },
      {
        path: 'deadlines',
        lazy: guarded('cards.read', () => import('../features/deadlines/DeadlinesPage')),
      },
      {
        path: 'reports',
        lazy: guarded('reports.read', () => import('../features/reports/ReportsPage')),
      },
      { path: 'sync', lazy: guarded('sync.run', () => import('../features/sync/SyncPage')) },
      {
        path: 'settings',
        lazy: guarded('settings.manage', () => import('../features/settings/SettingsPage')),
      },
      { path: 'users', lazy: guarded('users.manage', () => import('../features/users/UsersPage')) },
      {
        path: 'schedule',
        lazy: guarded('cards.read', () => import('../features/schedule/SchedulePage')),
      },
      { path: 'help/:page?', lazy: () => import('../features/help/HelpPage').then(page) },
      {
        path: 'surveys/paper',
        lazy: () => import('../features/surveys/paper/PaperEntryPage').then(page),
      },
    ],
  },
  // Print previews stand outside the app's frame: the screen shows exactly the sheet.
  {
    path: '/print/appeal/:id',
    lazy: guarded('cards.read', () => import('../features/print/PrintCardPage')),
  },
  {
    path: '/print/schedule/:month',
    lazy: guarded('cards.read', () => import('../features/print/PrintSchedulePage')),
  },
  {
    path: '/print/survey/:id',
    lazy: () => import('../features/surveys/print/PrintFormPage').then(page),
  },
]);

function page(module: { default: React.ComponentType }) {
  return { Component: module.default };
}

/** A page only roles with this capability may open; others read why they cannot. */
function guarded(capability: Capability, load: () => Promise<{ default: React.ComponentType }>) {
  return async () => {
    const Page = (await load()).default;
    return {
      Component: () => (
        <RequireCapability capability={capability}>
          <Page />
        </RequireCapability>
      ),
    };
  };
}
