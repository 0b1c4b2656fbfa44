/**
 * A finance team's export of OpenAI spend that no known format reads (OpenAI's own export has
 * start_time): the file the column-mapping tests map by hand, in the engine's tests and the
 * browser's. Its amounts carry up to ten decimals, a credit and a quoted comma.
 */
export const FINANCE_HEADER = 'Usage Day,Project,Model,line_item,Tokens,amount_value,Currency Code,tag_team,tag_env,Notes';

/** October's rows, in FINANCE_HEADER's columns. */
export const FINANCE_OCTOBER: readonly string[] = [
  '2026-10-01,proj-search,gpt-4o,gpt-4o input,1200000,3.000000,USD,search,prod,first',
  '2026-10-01,proj-search,gpt-4o,gpt-4o output,300000,3.0000004,USD,search,prod,',
  '2026-10-02,proj-chat,gpt-4o-mini,gpt-4o-mini input,9000000,1.3500000001,USD,chat,,',
  '2026-10-02,proj-chat,gpt-4o-mini,credit,,-0.4999999999,USD,chat,prod,promo credit',
  '2026-10-03,proj-batch,o3,o3 output,120000,1234.5678901234,USD,,dev,"quoted, with comma"',
  '2026-10-03,proj-batch,text-embedding-3-small,embeddings,50000000,0.0000003,USD,batch,dev,',
];
