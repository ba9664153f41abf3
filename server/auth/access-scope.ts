// Which records a user may see, as a short stable string: the part of the pivot cache key that
// keeps one analyst's cached table from being served to someone with a narrower agreement.
// Every signed-in analyst sees the whole demo data today; data-sharing agreements (datasets,
// years, row restrictions) will make this the agreement's id and version.
import type { User } from '../store/app-store';

export const accessScope = (_user: User): string => 'all-data';
