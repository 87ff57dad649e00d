declare module 'munkres-js' {
  interface MunkresOptions {
    /** Value used to pad a rectangular matrix to square (default 0). */
    padValue?: number;
  }
  /**
   * Hungarian (Munkres) algorithm. CommonJS module whose export is this
   * function: returns the [row, col] pairs of a minimum-cost assignment.
   * Rectangular matrices are padded internally; pairs refer to real cells.
   */
  function computeMunkres(costMatrix: number[][], options?: MunkresOptions): Array<[number, number]>;
  export = computeMunkres;
}
