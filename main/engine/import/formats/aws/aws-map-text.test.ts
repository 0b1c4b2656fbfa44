import { describe, expect, it } from 'vitest';
import { parseMapText } from './aws-map-text.js';

const TEAM_ML = { user_team: 'ml', 'user_cost center': 'R&D, EU' };

describe('parseMapText', () => {
  it.each([
    ['JSON object (Data Exports CSV, hyparquet)', '{"user_team":"ml","user_cost center":"R&D, EU"}'],
    ['JSON key/value list (Parquet MAP layout)', '[{"key":"user_team","value":"ml"},{"key":"user_cost center","value":"R&D, EU"}]'],
    ['JSON pairs', '[["user_team","ml"],["user_cost center","R&D, EU"]]'],
    ['Athena / Trino text', '{user_team=ml, user_cost center=R&D, EU}'],
    ['Python dict (pandas)', "{'user_team': 'ml', 'user_cost center': 'R&D, EU'}"],
    ['Python list of tuples (pyarrow)', "[('user_team', 'ml'), ('user_cost center', 'R&D, EU')]"],
  ])('reads a map written as %s', (_shape, text) => {
    expect(parseMapText(text)).toEqual(TEAM_ML);
  });

  it('leaves out keys without a value and reads empty cells as no entries', () => {
    expect(parseMapText('{"a":"1","b":null,"c":""}')).toEqual({ a: '1' });
    expect(parseMapText("{'a': '1', 'b': None}")).toEqual({ a: '1' });
    expect(parseMapText('{a=1, b=null}')).toEqual({ a: '1' });
    expect(parseMapText('')).toEqual({});
    expect(parseMapText('{}')).toEqual({});
    expect(parseMapText('NULL')).toEqual({});
  });

  it('says null for text that is no map', () => {
    expect(parseMapText('team=ml')).toBeNull();
    expect(parseMapText('[1, 2, 3]')).toBeNull();
    expect(parseMapText("{'unterminated: 1}")).toBeNull();
  });
});
