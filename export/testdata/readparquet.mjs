// readparquet.mjs checks a Parquet file written by `tocsin export --format parquet` with
// a reader that is not the writer's code: hyparquet (npm, MIT), as pandas, DuckDB or
// Spark users would read it. CI runs it (see .ci/run):
//
//   node readparquet.mjs HYPARQUET_DIR FILE.parquet FILE.jsonl
//
// where FILE.jsonl is `tocsin export --format jsonl` of the same events. It compares
// every row's ID, code, sentence, URL, day and place latitude, and the column types.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const [dir, parquetPath, jsonlPath] = process.argv.slice(2)
const { parquetMetadata, parquetReadObjects, parquetSchema } = await import(pathToFileURL(join(dir, 'src', 'index.js')))

const buf = readFileSync(parquetPath)
const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)
const meta = parquetMetadata(file)
const types = {}
for (const c of parquetSchema(meta).children) {
  const e = c.element
  types[e.name] = e.logical_type?.type ?? e.converted_type ?? e.type
}
const wantTypes = { day: 'DATE', published_day: 'DATE', ingested: 'TIMESTAMP', id: 'INTEGER', goldstein: 'DOUBLE', place_lat: 'DOUBLE', code: 'STRING' }
let bad = 0
for (const [name, want] of Object.entries(wantTypes)) {
  if (!String(types[name]).includes(want)) {
    console.error(`column ${name}: type ${types[name]}, want ${want}`)
    bad++
  }
}
const rows = await parquetReadObjects({ file })
const want = readFileSync(jsonlPath, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l))
if (rows.length !== want.length || rows.length === 0) {
  console.error(`${rows.length} rows in the Parquet file, ${want.length} in the JSON Lines`)
  process.exit(1)
}
for (let i = 0; i < rows.length; i++) {
  const r = rows[i], w = want[i]
  const day = r.day ? r.day.toISOString().slice(0, 10) : ''
  const wday = w.date.length >= 10 ? w.date.slice(0, 10) : w.date.length === 7 ? w.date + '-01' : w.date.length === 4 ? w.date + '-01-01' : ''
  const lat = w.place ? w.place.lat : null
  if (Number(r.id) !== w.id || r.code !== w.code || r.sentence_text !== w.sentence_text || r.url !== w.url || day !== wday || (r.place_lat ?? null) !== lat) {
    console.error(`row ${i}: ${JSON.stringify(r, (k, v) => typeof v === 'bigint' ? Number(v) : v)}\nwant ${JSON.stringify(w)}`)
    if (++bad > 5) break
  }
}
if (bad > 0) process.exit(1)
console.log(`hyparquet read ${rows.length} rows of ${meta.row_groups.length} row group(s), as tocsin wrote them`)
