// Every emulated platform. Adding one = a folder with models/responses/urls/exceptions + a line here.
import type { ProviderFactory } from '../core/provider';
import { dingtalkProvider } from './dingtalk';
import { feishuProvider } from './feishu';
import { taobaoProvider } from './taobao';
import { wecomProvider } from './wecom';

export const PROVIDER_FACTORIES: ProviderFactory[] = [taobaoProvider, dingtalkProvider, wecomProvider, feishuProvider];
