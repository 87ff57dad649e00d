/** The part of jsfeat 0.0.8 (MIT, no bundled types) that bench:flow uses. */
declare module 'jsfeat' {
  namespace jsfeat {
    class matrix_t {
      cols: number;
      rows: number;
      data: Uint8Array;
    }
    class pyramid_t {
      constructor(levels: number);
      data: matrix_t[];
      allocate(width: number, height: number, dataType: number): void;
      build(input: matrix_t, skipFirstLevel?: boolean): void;
    }
    const U8_t: number;
    const C1_t: number;
    const COLOR_RGB2GRAY: number;
    const imgproc: {
      grayscale(src: Uint8Array, width: number, height: number, dst: matrix_t, code?: number): void;
    };
    const optical_flow_lk: {
      track(
        prev: pyramid_t,
        next: pyramid_t,
        prevXy: Float32Array,
        nextXy: Float32Array,
        count: number,
        winSize: number,
        maxIter: number,
        status: Uint8Array,
        eps: number,
        minEigen: number,
      ): void;
    };
  }
  export default jsfeat;
}
