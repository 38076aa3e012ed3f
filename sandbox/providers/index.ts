// Every emulated platform. Adding one = a folder with models/responses/urls/exceptions + a line here.
import type { ProviderFactory } from '../core/provider';

export const PROVIDER_FACTORIES: ProviderFactory[] = [];
