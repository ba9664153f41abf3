// Provider geography since July 2022: NHS England region → ICB → trust (procode3) → site
// (hes-data.md §3.3). Regions and three ICBs are real; the rest is synthetic and says so.

export interface NhsRegion { readonly code: string; readonly name: string }
export interface Icb { readonly code: string; readonly name: string; readonly region: string }
export interface Trust {
  readonly code: string;
  readonly name: string;
  readonly icb: string;
  readonly region: string;
  /** Relative size, used to weight activity. */
  readonly weight: number;
  /** Whether it runs a type 1 emergency department. */
  readonly hasEd: boolean;
}
export interface Site { readonly code: string; readonly name: string; readonly trust: string }

export const NHS_REGIONS: readonly NhsRegion[] = [
  { code: 'Y56', name: 'London' },
  { code: 'Y58', name: 'South West' },
  { code: 'Y59', name: 'South East' },
  { code: 'Y60', name: 'Midlands' },
  { code: 'Y61', name: 'East of England' },
  { code: 'Y62', name: 'North West' },
  { code: 'Y63', name: 'North East and Yorkshire' },
];

const ICBS_PER_REGION: Record<string, number> = { Y56: 5, Y59: 6, Y58: 7, Y60: 11, Y61: 6, Y62: 3, Y63: 4 };
const REAL_ICBS: Record<string, { code: string; name: string }> = {
  Y63: { code: 'QHM', name: 'NHS North East and North Cumbria ICB' },
  Y56: { code: 'QRV', name: 'NHS North West London ICB' },
  Y59: { code: 'QNX', name: 'NHS Sussex ICB' },
};

function buildIcbs(): Icb[] {
  const out: Icb[] = [];
  let synthetic = 0;
  for (const region of NHS_REGIONS) {
    const count = ICBS_PER_REGION[region.code] ?? 0;
    for (let i = 0; i < count; i++) {
      const real = i === 0 ? REAL_ICBS[region.code] : undefined;
      if (real) { out.push({ ...real, region: region.code }); continue; }
      synthetic += 1;
      const nn = String(synthetic).padStart(2, '0');
      out.push({ code: `Q9${nn}`, name: `Synthetic ICB ${nn} (${region.name})`, region: region.code });
    }
  }
  return out;
}
export const ICBS: readonly Icb[] = buildIcbs();

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Trust n (1-based) → 'S01'…'S0Z', 'S10'…: 3 chars, cannot collide with real R-codes. */
function trustCode(n: number): string {
  return `S${BASE36[Math.floor(n / 36)]}${BASE36[n % 36]}`;
}

// About 214 provider organisations, roughly 5 per ICB.
function buildTrusts(): Trust[] {
  const out: Trust[] = [];
  let n = 0;
  for (const [i, icb] of ICBS.entries()) {
    const count = 4 + (i % 3) + (i % 5 === 0 ? 1 : 0);
    for (let j = 0; j < count; j++) {
      n += 1;
      const nnn = String(n).padStart(3, '0');
      out.push({
        code: trustCode(n), name: `Synthetic NHS Trust ${nnn}`, icb: icb.code, region: icb.region,
        weight: 0.4 + ((n * 53) % 17) / 10, hasEd: j < Math.max(2, count - 2),
      });
    }
  }
  return out;
}
export const TRUSTS: readonly Trust[] = buildTrusts();

/** 1–5 sites per trust, coded trust + 2 digits. */
export const SITES: readonly Site[] = TRUSTS.flatMap((t, i) =>
  Array.from({ length: 1 + ((i * 7) % 5) }, (_, k) => ({
    code: `${t.code}${String(k + 1).padStart(2, '0')}`,
    name: `${t.name}, site ${k + 1}`,
    trust: t.code,
  })),
);
