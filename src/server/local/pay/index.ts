/** The local cloud's sandbox payment provider. */
export {
  createSandboxPay,
  SandboxPayError,
  SANDBOX_PAYMENTS,
  SANDBOX_REFUNDS,
  type SandboxPay,
  type SandboxPayOptions,
  type DeliveryReport,
  type DeliveryOptions,
  type PayCallbackMain,
  type SandboxPaymentDoc,
  type SandboxRefundDoc,
} from './sandbox';
export { sandboxNotification, type SandboxNotificationInput } from './notification';
