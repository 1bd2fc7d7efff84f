import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Output } from '../../../../src-shared/contract/api';
import { call } from '../../../api/client';
import { errorMessage } from '../../../app/errors';
import { PaperForm } from './PaperForm';
import { SheetFrame } from '../../print/SheetFrame';

/** Print preview of a blank questionnaire (the print frame: features/print/SheetFrame). */
export default function PrintFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [template, setTemplate] = useState<Output<'surveys.template'> | null>(null);
  const [services, setServices] = useState<{ id: string; title: string }[]>([]);
  const [online, setOnline] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([
      call('surveys.template', { id }),
      call('services.list', {}),
      call('surveys.onlineAddress', { id }),
    ]).then(
      ([tpl, list, address]) => {
        setTemplate(tpl);
        setOnline(address.url);
        setServices(list.filter((s) => s.active).map((s) => ({ id: s.id, title: s.title })));
      },
      (e) => setError(errorMessage(t, e)),
    );
  }, [id, t]);

  return (
    <SheetFrame title={template?.definition.title ?? ''} error={error} ready={template !== null}>
      {template && (
        <PaperForm definition={template.definition} services={services} online={online} />
      )}
    </SheetFrame>
  );
}
