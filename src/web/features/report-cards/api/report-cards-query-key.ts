/** Every report-card query (overview, previews, comments, published cards) starts with this. */
export const reportCardsQueryKey = ['report-cards'] as const;
