// Turns the per-division outlines `gmt coast -ECN.XX -M` wrote (multi-segment text, one closed ring per
// segment) into one GeoJSON FeatureCollection with the project's province properties.
//
//   node dcw-to-geojson.mjs <dir with XX.txt and CN.txt> <models/domain/provinces.cpp>  > raw.geojson
//
// Names and codes come from provinces.cpp so the map and the rest of the console agree on them.
// DCW's state codes are ISO 3166-2:CN's letters: CN.BJ is CN-BJ.
// DCW's Hainan (CN.HI) is the island only; the country outline (CN) also has the Xisha islands, which
// belong to Hainan: rings of CN south of 17.5°N follow as extra CN-HI features, one per island (so
// that simplification can keep each), marked part=xisha; make-basemap.sh dissolves them into CN-HI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, provincesCpp] = process.argv.slice(2);
if (!dir || !provincesCpp) {
    console.error('usage: dcw-to-geojson.mjs <dir> <provinces.cpp>');
    process.exit(2);
}

const table = [];
const entry = /\{"(CN-[A-Z]{2})",\s*(\d+),\s*"([^"]+)",\s*"([^"]+)"\}/g;
for (const m of readFileSync(provincesCpp, 'utf8').matchAll(entry))
    table.push({ iso: m[1], gb: Number(m[2]), nameEn: m[3], nameZh: m[4] });
if (table.length !== 34) {
    console.error(`expected 34 provinces in ${provincesCpp}, found ${table.length}`);
    process.exit(1);
}

// Each segment of the text is one ring; DCW's provinces have no holes (gmt marks holes with -Ph).
function readRings(file) {
    const rings = [];
    let ring = null;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.startsWith('>')) {
            if (line.includes('-Ph'))
                throw new Error(`${file}: holes are not expected`);
            ring = [];
            rings.push(ring);
            continue;
        }
        const t = line.trim();
        if (!t)
            continue;
        const [lon, lat] = t.split(/\s+/).map(Number);
        if (!Number.isFinite(lon) || !Number.isFinite(lat))
            throw new Error(`${file}: bad line "${line}"`);
        ring.push([lon, lat]);
    }
    return rings
        .filter((r) => r.length >= 3)
        .map((r) => {
            const [a, b] = [r[0], r[r.length - 1]];
            if (a[0] !== b[0] || a[1] !== b[1])
                r.push([a[0], a[1]]);
            return r;
        })
        .filter((r) => r.length >= 4);
}

const xisha = readRings(join(dir, 'CN.txt')).filter((r) => r.every(([lon, lat]) => lat < 17.5 && lon > 110));

if (xisha.length === 0)
    throw new Error('no Xisha islands in CN.txt');

function properties(p, part) {
    return { iso: p.iso, gb: String(p.gb * 10000), name_en: p.nameEn, name_zh: p.nameZh, part };
}

const features = table.map((p) => {
    const rings = readRings(join(dir, `${p.iso.slice(3)}.txt`));
    if (rings.length === 0)
        throw new Error(`${p.iso}: no outline`);
    return {
        type: 'Feature',
        properties: properties(p, 'main'),
        geometry: { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) },
    };
});
const hainan = table.find((p) => p.iso === 'CN-HI');
for (const ring of xisha)
    features.push({ type: 'Feature', properties: properties(hainan, 'xisha'), geometry: { type: 'Polygon', coordinates: [ring] } });

process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }));
