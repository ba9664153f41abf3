// Residence (ONS region → district) and provider (NHS region → ICB → trust → site) code lists
// from the reference tables (hes-data.md §3.3). Pseudo residences are their own district.
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { DISTRICTS, PSEUDO_RESIDENCES, REGIONS } from '../reference/geography';
import { ICBS, NHS_REGIONS, SITES, TRUSTS } from '../reference/providers';
import { entry } from './define-code-list';

export function buildGeographyCodeLists(): CodeList[] {
  const pseudo = PSEUDO_RESIDENCES.map((p) => ({ ...p, label: p.name }));
  return [
    {
      id: 'resgor_ons', label: 'Region of residence',
      codes: [...REGIONS.map((r) => entry(r.code, r.name)), ...pseudo.map((p) => entry(p.code, p.label, p.unknown))],
    },
    {
      id: 'resladst_ons', label: 'Local authority district of residence',
      codes: [
        ...DISTRICTS.map((d) => entry(d.code, d.name, false, d.region)),
        ...pseudo.map((p) => entry(p.code, p.label, p.unknown, p.code)),
      ],
    },
    { id: 'provider_region', label: 'NHS England region of provider', codes: NHS_REGIONS.map((r) => entry(r.code, r.name)) },
    { id: 'provider_icb', label: 'Integrated care board of provider', codes: ICBS.map((i) => entry(i.code, i.name, false, i.region)) },
    { id: 'procode3', label: 'Provider (trust)', codes: TRUSTS.map((t) => entry(t.code, t.name, false, t.icb)) },
    { id: 'sitetret', label: 'Site of treatment', codes: SITES.map((s) => entry(s.code, s.name, false, s.trust)) },
  ];
}
