// Residence geography: ONS regions (real codes) and a synthetic, clearly labelled list of
// local authority districts (hes-data.md §3.3). Deterministic: the same list every time.

export interface Region {
  readonly code: string;
  readonly name: string;
  /** Population in millions (approximate, mid-2020s), used to weight activity. */
  readonly populationM: number;
  /** The NHS England region that mostly serves it (for provider choice). */
  readonly nhsRegion: string;
}

export const REGIONS: readonly Region[] = [
  { code: 'E12000001', name: 'North East', populationM: 2.7, nhsRegion: 'Y63' },
  { code: 'E12000002', name: 'North West', populationM: 7.5, nhsRegion: 'Y62' },
  { code: 'E12000003', name: 'Yorkshire and The Humber', populationM: 5.5, nhsRegion: 'Y63' },
  { code: 'E12000004', name: 'East Midlands', populationM: 4.9, nhsRegion: 'Y60' },
  { code: 'E12000005', name: 'West Midlands', populationM: 6.0, nhsRegion: 'Y60' },
  { code: 'E12000006', name: 'East of England', populationM: 6.4, nhsRegion: 'Y61' },
  { code: 'E12000007', name: 'London', populationM: 8.9, nhsRegion: 'Y56' },
  { code: 'E12000008', name: 'South East', populationM: 9.4, nhsRegion: 'Y59' },
  { code: 'E12000009', name: 'South West', populationM: 5.8, nhsRegion: 'Y58' },
];

/** Pseudo residence codes (hes-data.md §1.6): kept as codes, flagged not-known where they are. */
export const PSEUDO_RESIDENCES: readonly { code: string; name: string; unknown: boolean }[] = [
  { code: 'E99999999', name: 'England, not otherwise specified', unknown: true },
  { code: 'W99999999', name: 'Wales', unknown: false },
  { code: 'S99999999', name: 'Scotland', unknown: false },
  { code: 'N99999999', name: 'Northern Ireland', unknown: false },
  { code: 'L99999999', name: 'Channel Islands', unknown: false },
  { code: 'M99999999', name: 'Isle of Man', unknown: false },
  { code: 'U', name: 'No fixed abode', unknown: false },
  { code: 'X', name: 'Foreign (non-UK) resident', unknown: false },
  { code: 'Y', name: 'Residence not known', unknown: true },
];

export interface District {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  /** Relative population weight within its region. */
  readonly weight: number;
}

// Districts per region, roughly proportional to the real counts (about 300 in England).
const DISTRICTS_PER_REGION: Record<string, number> = {
  E12000001: 12, E12000002: 39, E12000003: 21, E12000004: 35, E12000005: 30,
  E12000006: 45, E12000007: 33, E12000008: 64, E12000009: 30,
};

function buildDistricts(): District[] {
  const out: District[] = [];
  const serial: Record<string, number> = { E06: 0, E07: 0, E08: 0, E09: 0 };
  let n = 0;
  for (const region of REGIONS) {
    const count = DISTRICTS_PER_REGION[region.code] ?? 0;
    for (let i = 0; i < count; i++) {
      n += 1;
      // London boroughs are E09; metropolitan areas E08; elsewhere a mix of unitary and district.
      const prefix = region.code === 'E12000007' ? 'E09'
        : ['E12000002', 'E12000003', 'E12000005'].includes(region.code) && i % 3 === 0 ? 'E08'
        : i % 2 === 0 ? 'E06' : 'E07';
      serial[prefix] = (serial[prefix] ?? 0) + 1;
      const code = `${prefix}9${String(serial[prefix]).padStart(5, '0')}`;
      // A deterministic spread of sizes (0.5–2.0) so districts differ.
      const weight = 0.5 + ((n * 37) % 16) / 10;
      out.push({ code, name: `Synthetic District ${String(n).padStart(3, '0')} (${region.name})`, region: region.code, weight });
    }
  }
  return out;
}

export const DISTRICTS: readonly District[] = buildDistricts();
