import countries from 'i18n-iso-countries';
import { z } from 'zod';

export const countryCodeSchema = z
  .string({ error: 'must be a country code' })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), 'must be a country code like CN or TH');
