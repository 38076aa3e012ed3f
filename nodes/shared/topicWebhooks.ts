// What the own-site webhook triggers (Shopify, WooCommerce) share: removing the webhooks they registered
// per topic when the workflow is deactivated.
import type { IHookFunctions } from 'n8n-workflow';

/**
 * Deletes every webhook id in `ids`. One the platform no longer has (404) counts as removed; any other
 * failure is logged under `label` and answered false, so n8n keeps the registration to try again.
 */
export async function deleteTopicWebhooks(
	ctx: IHookFunctions,
	ids: Record<string, string> | undefined,
	deleteWebhook: (id: string) => Promise<unknown>,
	label: string,
): Promise<boolean> {
	for (const id of Object.values(ids ?? {})) {
		try {
			await deleteWebhook(id);
		} catch (error) {
			if ((error as { httpStatus?: number }).httpStatus === 404) continue;
			ctx.logger.warn(`${label}: could not delete webhook ${id}: ${(error as Error).message}`);
			return false;
		}
	}
	return true;
}
