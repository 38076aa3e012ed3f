// Every emulated platform. Adding one = a folder with models/responses/urls/exceptions + a line here.
import type { ProviderFactory } from '../core/provider';
import { kuaidi100Provider } from './kuaidi100';
import { taobaoProvider } from './taobao';

export const PROVIDER_FACTORIES: ProviderFactory[] = [taobaoProvider, kuaidi100Provider];
