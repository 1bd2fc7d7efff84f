import { Alert, Button, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Output } from '../../../../src-shared/contract/api';
import { call } from '../../../api/client';
import { errorMessage } from '../../../app/errors';
import { PaperForm } from './PaperForm';

/**
 * Print preview of a blank questionnaire, outside the app's frame so that what is on screen is
 * what is printed. «Печать» opens the system print dialog (Chromium's has «Сохранить как PDF»).
 */
export default function PrintFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [template, setTemplate] = useState<Output<'surveys.template'> | null>(null);
  const [services, setServices] = useState<{ id: string; title: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([call('surveys.template', { id }), call('services.list', {})]).then(
      ([tpl, list]) => {
        setTemplate(tpl);
        setServices(list.filter((s) => s.active).map((s) => ({ id: s.id, title: s.title })));
      },
      (e) => setError(errorMessage(t, e)),
    );
  }, [id, t]);
  useEffect(() => {
    if (template) document.title = template.definition.title;
  }, [template]);

  return (
    <>
      <div className="paper-toolbar">
        <Button onClick={() => window.print()} disabled={!template}>
          {t('surveys.printNow')}
        </Button>
        <Button variant="default" onClick={() => void navigate('/surveys')}>
          {t('actions.back')}
        </Button>
      </div>
      {error && (
        <Alert color="red" role="alert" m="md">
          {error}
        </Alert>
      )}
      {!template && !error && <Loader m="md" />}
      {template && <PaperForm definition={template.definition} services={services} />}
    </>
  );
}
