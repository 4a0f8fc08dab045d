import { makeDb } from "./_scratch_lib";
const r = await makeDb(process.argv[2]!);
console.log(r.totals);
