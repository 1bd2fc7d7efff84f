import { Alert, Button, Loader } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import './sheet.css';

/**
 * A print preview outside the app's frame: what is on screen is what is printed. «Печать»
 * opens the system print dialog (Chromium's and Electron's have «Сохранить как PDF»).
 */
export function SheetFrame({
  title,
  error,
  ready,
  children,
}: {
  title: string;
  error: string | null;
  ready: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <div className="sheet-toolbar">
        <Button onClick={() => window.print()} disabled={!ready}>
          {t('print.now')}
        </Button>
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('actions.back')}
        </Button>
      </div>
      {error && (
        <Alert color="red" role="alert" m="md">
          {error}
        </Alert>
      )}
      {!ready && !error && <Loader m="md" />}
      {ready && children}
    </>
  );
}
