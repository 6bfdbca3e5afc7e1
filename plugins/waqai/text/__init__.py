"""Rules of the two languages: Arabic folding and filing, Hijri and Gregorian dates, labels."""
