type Catalogue = { readonly [key: string]: string | Catalogue };

function isCatalogue(value: unknown): value is Catalogue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lays one catalogue over another, branch by branch, so a feature can keep its strings in a
 * file of its own and still add entries to a shared branch such as `nav`.
 */
export function mergeCatalogues<A extends Catalogue, B extends Catalogue>(
  base: A,
  extra: B,
): A & B {
  const merged: Record<string, string | Catalogue> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      isCatalogue(current) && isCatalogue(value) ? mergeCatalogues(current, value) : value;
  }
  return merged as A & B;
}
