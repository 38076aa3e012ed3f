// Every emulated platform. Adding one = a folder with models/responses/urls/exceptions + a line here.
import type { ProviderFactory } from '../core/provider';
import { douyinProvider } from './douyin';
import { jdProvider } from './jd';
import { kdniaoProvider } from './kdniao';
import { kuaidi100Provider } from './kuaidi100';
import { pinduoduoProvider } from './pinduoduo';
import { sfProvider } from './sf';
import { shopifyProvider } from './shopify';
import { taobaoProvider } from './taobao';
import { wechatProvider } from './wechat';
import { woocommerceProvider } from './woocommerce';
import { xhsProvider } from './xhs';

export const PROVIDER_FACTORIES: ProviderFactory[] = [taobaoProvider, jdProvider, kuaidi100Provider, wechatProvider, sfProvider, kdniaoProvider, xhsProvider, shopifyProvider, woocommerceProvider, douyinProvider, pinduoduoProvider];
