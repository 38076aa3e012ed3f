// Every emulated platform. Adding one = a folder with models/responses/urls/exceptions + a line here.
import type { ProviderFactory } from '../core/provider';
import { jdProvider } from './jd';
import { kuaidi100Provider } from './kuaidi100';
import { taobaoProvider } from './taobao';

export const PROVIDER_FACTORIES: ProviderFactory[] = [taobaoProvider, jdProvider, kuaidi100Provider];
