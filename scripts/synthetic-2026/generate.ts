/**
 * A synthetic 2026 export, the third edition of the test series (2024, the
 * synthetic 2025, this one): clearly not real data, made by the 2025
 * generator with its own seed. Against the 2025 form one question is
 * reworded (the future use of IA, now asked over two years), so its series
 * is broken between 2025 and 2026; IA use goes on rising in every
 * profession, so a trend since 2024 can be decided.
 */
import { HEADERS_2025, type SyntheticYear } from '../synthetic-2025/generate.js';

export const SYNTHETIC_2026_SEED = 2026;

/** The 2025 question on future use, and its 2026 wording. */
export const FUTURE_2025 = "Pensez-vous utiliser davantage l'IA à l'avenir ?";
export const FUTURE_2026 =
  "Envisagez-vous d'utiliser davantage l'IA dans les deux ans qui viennent ?";

export const HEADERS_2026 = HEADERS_2025.map((h) => (h === FUTURE_2025 ? FUTURE_2026 : h));

export const SYNTHETIC_2026: SyntheticYear = {
  seed: SYNTHETIC_2026_SEED,
  rows: 360,
  start: Date.UTC(2026, 3, 13, 6),
  end: Date.UTC(2026, 6, 31, 16),
  headers: HEADERS_2026,
  professions: [
    // profession, weight, chance of using IA
    ['Radiologue', 0.42, 0.9],
    ['Manipulateur radio', 0.33, 0.78],
    ['Cadre de santé', 0.12, 0.66],
    ['Physicien médical', 0.08, 0.76],
  ],
  // Fewer typed professions than in 2025: none becomes an option, so no group changes.
  rare: 0.012,
};
