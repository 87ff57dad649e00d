declare module 'munkres-js' {
  /** Hungarian algorithm: returns [row, col] pairs of a minimum-cost assignment. */
  function computeMunkres(costMatrix: number[][]): Array<[number, number]>;
  export default computeMunkres;
}
