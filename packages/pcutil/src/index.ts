/** @pcloud/pcutil — cp, rm, ls, mkdir, mv and cat between your disk and pCloud, fast and safe. */
export {};
