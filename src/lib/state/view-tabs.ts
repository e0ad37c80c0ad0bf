import type { View } from './url-state';

/** The views in tab order, by audience. */
export const VIEW_TABS: readonly { view: View; label: string; audience: string }[] = [
  { view: 'overview', label: 'Overview', audience: 'all batches at a glance' },
  { view: 'quality', label: 'Quality', audience: 'agreement, accuracy, drift' },
  { view: 'guarantee', label: 'Guarantee', audience: 'for sales' },
  { view: 'audit', label: 'Audit', audience: 'for clients' },
  { view: 'economics', label: 'Economics', audience: 'throughput and cost' },
  { view: 'data', label: 'Data', audience: 'files, rejections, levels' },
];
