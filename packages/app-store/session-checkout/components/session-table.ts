/**
 * The look of the app's session tables (Sessions, a client's history): full width on the panel colour,
 * a rule under each row. `sc-table` is no style: a marker the browser tests find the tables by.
 */
export const SESSION_TABLE_CLASS_NAME =
  "sc-table bg-default w-full border-collapse [&_:is(th,td)]:border-b [&_:is(th,td)]:border-subtle [&_:is(th,td)]:px-2.5 [&_:is(th,td)]:py-2 [&_th]:text-left";
