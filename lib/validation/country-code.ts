import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { vmsg } from './message';

export const countryCodeSchema = z
  .string({ error: vmsg('country') })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), vmsg('country'));
