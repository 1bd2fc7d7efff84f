import { isLoopbackHost } from '../src-shared/sync/transport-security';

/**
 * Cards carry personal data (152-FZ): the central listens beyond this machine only with TLS,
 * unless the operator says otherwise explicitly (OTKLIK_ALLOW_HTTP=1, e.g. behind a TLS
 * reverse proxy on the same host). Returns the reason to refuse, in Russian, or null.
 */
export function plainHttpRefusal(host: string, tls: boolean, allowHttp: boolean): string | null {
  if (tls || allowHttp || isLoopbackHost(host)) return null;
  return (
    `сервер не будет слушать ${host} без TLS: данные граждан по сети передаются только ` +
    'по HTTPS. Укажите OTKLIK_TLS_CERT и OTKLIK_TLS_KEY, или OTKLIK_ALLOW_HTTP=1, если TLS ' +
    'завершается на обратном прокси этого же сервера.'
  );
}
