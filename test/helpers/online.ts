import { createHash } from 'node:crypto';
import { builtinTemplateName, nameUuidWith } from '../../src-shared/domain/name-uuid';

const sha1 = (text: string) => createHash('sha1').update(text).digest();

/** A built-in questionnaire's id, as every desk and the central give it. */
export const builtinTemplateId = (key: string) => nameUuidWith(sha1, builtinTemplateName(key));
export const SEED_003 = builtinTemplateId('service-satisfaction-003');

/**
 * A campaign of seed 003 offered online, published for one office, through the central's API
 * with an administrator's headers (the way automation does it); its ids and address.
 */
export async function publishOnline(
  url: string,
  headers: Record<string, string>,
  office: string,
  campaign: Record<string, unknown> = {},
): Promise<{ campaignId: string; id: string; slug: string }> {
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, string>;
  };
  const { id: campaignId } = await post('/v1/console/reference/campaign', {
    templateId: SEED_003,
    title: 'Онлайн',
    startsOn: `${new Date().getFullYear()}-01-01`,
    endsOn: `${new Date().getFullYear()}-12-31`,
    serviceIds: [],
    deskCodes: [],
    channels: ['online'],
    active: true,
    ...campaign,
  });
  const { id, slug } = await post('/v1/console/online', {
    campaignId: campaignId!,
    officeCode: office,
    serviceId: null,
    closingText: null,
  });
  return { campaignId: campaignId!, id: id!, slug: slug! };
}
