#!/usr/bin/env node
'use strict';
require('../dist/apps/cli/main.js');
