/** uCharts (`@qiun/ucharts`) ships no types: the dashboard uses its constructor only (src/packages/ops/index/trend-chart). */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: string
    context: unknown
    [option: string]: unknown
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
    updateData(data: Record<string, unknown>): void
  }
}
