#!/usr/bin/env node
import '../dist/bin/pcutil.js';
